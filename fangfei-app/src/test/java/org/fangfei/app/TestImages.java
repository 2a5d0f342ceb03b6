package org.fangfei.app;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pictures for tests that cannot be drawn with ImageIO cheaply, and a phone's portrait
 * photo.
 * <p>
 * {@code images/portrait-orientation-6.jpg} is a phone's portrait photo in miniature: 64
 * × 48 pixels as the sensor saw them, red in the stored top-left corner and blue in the
 * stored top-right, with EXIF orientation 6 ("turn 90° clockwise to view"), a camera make
 * and a GPS position, added by exiftool 12 ({@code exiftool -n -Orientation=6
 * -Make=FangfeiTestPhone -Model=Portrait -GPSLatitude=36.0611 -GPSLatitudeRef=N
 * -GPSLongitude=103.8343 -GPSLongitudeRef=E -DateTimeOriginal=…}) to a JPEG written by
 * ImageIO. Upright it is 48 × 64 pixels, red top-right and blue bottom-right.
 */
public final class TestImages {

	/** The fixture's camera make, which must not survive re-encoding. */
	public static final String PORTRAIT_MAKE = "FangfeiTestPhone";

	/** A corner of a picture as it is viewed. */
	public enum Corner {

		TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT

	}

	private TestImages() {
	}

	/** The committed fixture: a phone's portrait photo, stored sideways. */
	public static byte[] portraitPhoto() {
		try (InputStream in = TestImages.class.getResourceAsStream("/images/portrait-orientation-6.jpg")) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Asserts that stored picture bytes are {@link #portraitPhoto()} upright (48 × 64,
	 * red top-right, blue bottom-right) and carry no EXIF (no APP1 segment, no camera
	 * make).
	 */
	public static void assertUprightPortrait(byte[] stored) {
		BufferedImage upright;
		try {
			upright = ImageIO.read(new ByteArrayInputStream(stored));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(upright.getWidth()).as("width").isEqualTo(48);
		assertThat(upright.getHeight()).as("height").isEqualTo(64);
		assertThat(colourAt(upright, Corner.TOP_RIGHT)).as("red marks the top-right corner").isEqualTo(Color.RED);
		assertThat(colourAt(upright, Corner.BOTTOM_RIGHT)).as("blue marks the bottom-right corner")
			.isEqualTo(Color.BLUE);
		assertThat(colourAt(upright, Corner.TOP_LEFT)).isEqualTo(Color.WHITE);
		assertThat(segments(stored)).as("no APP1 (EXIF, XMP) segment").doesNotContain(0xE1);
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif")
			.doesNotContain(PORTRAIT_MAKE);
	}

	/** The colour near a corner, rounded to white, red or blue (JPEG is lossy). */
	public static Color colourAt(BufferedImage image, Corner corner) {
		int x = (corner == Corner.TOP_LEFT || corner == Corner.BOTTOM_LEFT) ? 6 : image.getWidth() - 7;
		int y = (corner == Corner.TOP_LEFT || corner == Corner.TOP_RIGHT) ? 6 : image.getHeight() - 7;
		Color c = new Color(image.getRGB(x, y));
		if (c.getRed() > 200 && c.getGreen() > 200 && c.getBlue() > 200) {
			return Color.WHITE;
		}
		if (c.getRed() > 200 && c.getGreen() < 80 && c.getBlue() < 80) {
			return Color.RED;
		}
		if (c.getBlue() > 200 && c.getRed() < 80 && c.getGreen() < 80) {
			return Color.BLUE;
		}
		return c;
	}

	/** The marker codes of a JPEG's segments up to the start of the scan. */
	public static List<Integer> segments(byte[] jpeg) {
		List<Integer> markers = new ArrayList<>();
		int at = 2;
		while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
			int marker = jpeg[at + 1] & 0xFF;
			markers.add(marker);
			if (marker == 0xDA) {
				break;
			}
			at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
		}
		return markers;
	}

	/**
	 * A valid, fully decodable black PNG of {@code width} × {@code height} pixels, one
	 * bit per pixel: a few tens of kilobytes that decode to hundreds of millions of
	 * pixels (a decompression bomb).
	 */
	public static byte[] pngBomb(int width, int height) {
		try {
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			png.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
			ByteArrayOutputStream header = new ByteArrayOutputStream();
			DataOutputStream ihdr = new DataOutputStream(header);
			ihdr.writeInt(width);
			ihdr.writeInt(height);
			ihdr.write(new byte[] { 1, 0, 0, 0, 0 });
			chunk(png, "IHDR", header.toByteArray());
			ByteArrayOutputStream data = new ByteArrayOutputStream();
			try (DeflaterOutputStream deflated = new DeflaterOutputStream(data, new Deflater(9))) {
				byte[] row = new byte[1 + (width + 7) / 8];
				for (int y = 0; y < height; y++) {
					deflated.write(row);
				}
			}
			chunk(png, "IDAT", data.toByteArray());
			chunk(png, "IEND", new byte[0]);
			return png.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void chunk(ByteArrayOutputStream png, String type, byte[] body) throws IOException {
		DataOutputStream out = new DataOutputStream(png);
		out.writeInt(body.length);
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.write(name);
		out.write(body);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(body);
		out.writeInt((int) crc.getValue());
	}

}
