package org.fangfei.app.shared;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.fangfei.app.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pictures are stored upright, with nothing but their pixels, and decoded a few at a
 * time, so many large uploads together cannot exhaust the heap. The phone's photo is
 * {@link TestImages#portraitPhoto()}.
 */
class ImagesTests {

	@Test
	void aPortraitPhotoFromAPhoneIsStoredUprightWithoutItsExif() throws IOException {
		byte[] photo = TestImages.portraitPhoto();
		assertThat(ImageIO.read(new ByteArrayInputStream(photo)).getWidth()).as("stored sideways").isEqualTo(64);

		Images.Reencoded stored = Images.reencoded(photo, 1600, Images.MAX_PIXELS, "照片", "photos");

		assertThat(stored.type()).isEqualTo(FileType.JPEG);
		assertThat(stored.sourcePixels()).isEqualTo(64 * 48);
		TestImages.assertUprightPortrait(stored.bytes());
	}

	/**
	 * Every EXIF orientation (TIFF 6.0 tag 274): the marked corners of a 64 × 48 picture
	 * land where a viewer that honours the tag shows them.
	 */
	@ParameterizedTest(name = "orientation {0}")
	@CsvSource(textBlock = """
			1, 64, 48, TOP_LEFT,     TOP_RIGHT
			2, 64, 48, TOP_RIGHT,    TOP_LEFT
			3, 64, 48, BOTTOM_RIGHT, BOTTOM_LEFT
			4, 64, 48, BOTTOM_LEFT,  BOTTOM_RIGHT
			5, 48, 64, TOP_LEFT,     BOTTOM_LEFT
			6, 48, 64, TOP_RIGHT,    BOTTOM_RIGHT
			7, 48, 64, BOTTOM_RIGHT, TOP_RIGHT
			8, 48, 64, BOTTOM_LEFT,  TOP_LEFT
			""")
	void everyOrientationIsTurnedAndMirroredUpright(int orientation, int width, int height, TestImages.Corner red,
			TestImages.Corner blue) throws IOException {
		byte[] stored = Images
			.reencoded(withOrientation(marked(), orientation), 1600, Images.MAX_PIXELS, "照片", "photos")
			.bytes();

		BufferedImage upright = ImageIO.read(new ByteArrayInputStream(stored));
		assertThat(upright.getWidth()).isEqualTo(width);
		assertThat(upright.getHeight()).isEqualTo(height);
		assertThat(TestImages.colourAt(upright, red)).as("red corner").isEqualTo(Color.RED);
		assertThat(TestImages.colourAt(upright, blue)).as("blue corner").isEqualTo(Color.BLUE);
		assertThat(TestImages.segments(stored)).doesNotContain(0xE1);
	}

	@Test
	void aLargePictureIsScaledDownUprightAndASmallOneNeverUp() throws IOException {
		byte[] down = Images.reencoded(TestImages.portraitPhoto(), 32, Images.MAX_PIXELS, "照片", "photos").bytes();
		BufferedImage small = ImageIO.read(new ByteArrayInputStream(down));
		assertThat(small.getWidth()).isEqualTo(24);
		assertThat(small.getHeight()).isEqualTo(32);

		byte[] same = Images.reencoded(withOrientation(marked(), 1), 4000, Images.MAX_PIXELS, "照片", "photos").bytes();
		assertThat(ImageIO.read(new ByteArrayInputStream(same)).getWidth()).isEqualTo(64);
	}

	@Test
	void aPictureDeclaringTooManyPixelsIsRefusedBeforeDecoding() {
		byte[] bomb = TestImages.pngBomb(11, 10);
		assertThatThrownBy(() -> Images.reencoded(bomb, 100, 100, "照片“a.png”", "photos"))
			.isInstanceOfSatisfying(Rejected.class, (ex) -> {
				assertThat(ex).hasMessageStartingWith("照片“a.png”尺寸过大");
				assertThat(ex.fieldErrors()).containsKey("photos");
			});
		assertThat(Images.reencoded(TestImages.pngBomb(10, 10), 100, 100, "照片", "photos").sourcePixels())
			.isEqualTo(100);
	}

	@Test
	void whatIsNoReadablePictureIsRefused() {
		byte[] text = "不是图片".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> Images.reencoded(text, 100, Images.MAX_PIXELS, "照片“a.jpg”", "photos"))
			.isInstanceOf(Rejected.class)
			.hasMessage("照片“a.jpg”无法读取，请重新拍摄或另存为JPG后上传");
		// cut inside the EXIF segment, before the frame header
		byte[] truncated = java.util.Arrays.copyOf(TestImages.portraitPhoto(), 200);
		assertThatThrownBy(() -> Images.reencoded(truncated, 100, Images.MAX_PIXELS, "照片", "photos"))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("无法读取");
	}

	@Test
	void decodingWaitsWhileEveryPermitIsTaken() throws Exception {
		int permits = Images.DECODING.availablePermits();
		assertThat(permits).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors()));
		Images.DECODING.acquireUninterruptibly(permits);
		CompletableFuture<Images.Reencoded> picture;
		try {
			picture = CompletableFuture
				.supplyAsync(() -> Images.reencoded(TestImages.pngBomb(10, 10), 100, Images.MAX_PIXELS, "图片", "files"));
			Thread.sleep(300);
			assertThat(picture).as("waiting for a permit").isNotDone();
		}
		finally {
			Images.DECODING.release(permits);
		}
		assertThat(picture.get(5, TimeUnit.SECONDS).sourcePixels()).isEqualTo(100);
		assertThat(Images.DECODING.availablePermits()).isEqualTo(permits);
	}

	/**
	 * A 64 × 48 JPEG, white with red in the top-left and blue in the top-right corner.
	 */
	private static byte[] marked() throws IOException {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 64, 48);
		g.setColor(Color.RED);
		g.fillRect(0, 0, 16, 16);
		g.setColor(Color.BLUE);
		g.fillRect(48, 0, 16, 16);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	/**
	 * The JPEG with an EXIF APP1 segment holding only the orientation, placed after the
	 * JFIF APP0 segment as cameras write it.
	 */
	private static byte[] withOrientation(byte[] jpeg, int orientation) {
		byte[] tiff = { 'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian header, IFD0 at 8
				0, 1, // one entry
				0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation,
																			// SHORT
				0, 0, 0, 0 }; // no next IFD
		byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
		int length = 2 + exif.length + tiff.length;
		int app0End = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, app0End);
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(exif);
		out.writeBytes(tiff);
		out.write(jpeg, app0End, jpeg.length - app0End);
		return out.toByteArray();
	}

}
