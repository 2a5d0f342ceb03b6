package org.fangfei.app.shared;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Semaphore;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.coobird.thumbnailator.Thumbnails;

/**
 * Pictures drawn afresh before they are stored: only the pixels survive, so whatever a
 * phone wrote beside them (EXIF with the place a photo was taken, comments, anything
 * hidden behind the image data) is gone. A phone stores a portrait photo as the sensor
 * saw it, sideways, with an EXIF orientation saying how to turn it; the picture is turned
 * (or mirrored) upright by that orientation before the EXIF is dropped, so it shows the
 * right way up everywhere. Decoding, scaling, orientation and encoding are
 * Thumbnailator's.
 * <p>
 * This is the one place where uploaded pictures are decoded and re-encoded (patrol
 * photos, tip photos, the pictures inside a tip's Word document, pictures attached to a
 * clue). The width and height are read from the header before any pixel is decoded, and a
 * picture over {@value #MAX_PIXELS} pixels is refused: a small, highly compressed PNG can
 * declare 23170 × 23170 pixels and would otherwise take gigabytes of heap to decode (a
 * decompression bomb).
 */
public final class Images {

	/** The most pixels an uploaded picture may declare (a 40-megapixel photo). */
	public static final long MAX_PIXELS = 40_000_000;

	/**
	 * How many pictures are decoded and redrawn at once: one decoded picture may take
	 * hundreds of megabytes (40 megapixels of 16-bit RGBA are 320 MB), so further uploads
	 * wait their turn rather than exhaust the heap together.
	 */
	static final Semaphore DECODING = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

	/** A picture encoded again: its type and bytes, and how many pixels it declared. */
	public record Reencoded(FileType type, byte[] bytes, long sourcePixels) {
	}

	private Images() {
	}

	/** Whether pictures of this type are read (JPEG, PNG, GIF, BMP). */
	public static boolean readable(FileType type) {
		return writer(type) != null;
	}

	/**
	 * The picture decoded, turned upright by its EXIF orientation, scaled down to fit
	 * {@code maxSide} pixels on its longer side (never up) and encoded again in its own
	 * format, with nothing but the pixels.
	 * @param what how the message names the picture, e.g. {@code 照片“门店.jpg”}
	 * @param field the form field a refusal is reported on
	 * @throws Rejected when it is not a readable JPEG/PNG/GIF/BMP or over
	 * {@code maxPixels}
	 */
	public static Reencoded reencoded(byte[] bytes, int maxSide, long maxPixels, String what, String field) {
		return reencoded(bytes, maxSide, maxPixels, what, field, null);
	}

	/**
	 * As {@link #reencoded(byte[], int, long, String, String)}, with the message given
	 * when the picture is over {@code maxPixels}.
	 * @param tooLarge the message for a picture over {@code maxPixels}, or null for the
	 * usual one naming the limit
	 */
	public static Reencoded reencoded(byte[] bytes, int maxSide, long maxPixels, String what, String field,
			String tooLarge) {
		FileType type = FileType.of(bytes);
		String writer = writer(type);
		if (writer == null) {
			throw unreadable(what, field);
		}
		Dimension size = declaredSize(bytes, what, field);
		long sourcePixels = (long) size.width * size.height;
		if (sourcePixels > maxPixels) {
			throw refused((tooLarge != null) ? tooLarge : what + "尺寸过大(超过" + maxPixels / 10_000 + "万像素)，请缩小后上传", field);
		}
		DECODING.acquireUninterruptibly();
		try {
			return new Reencoded(type, upright(bytes, writer, size, maxSide), sourcePixels);
		}
		catch (IOException | RuntimeException ex) {
			throw unreadable(what, field);
		}
		finally {
			DECODING.release();
		}
	}

	/**
	 * The picture drawn again by Thumbnailator: turned and mirrored by its EXIF
	 * orientation (JPEG), scaled to fit {@code maxSide} when it is larger, with an alpha
	 * channel only where the format has one, and written without any metadata.
	 */
	private static byte[] upright(byte[] bytes, String writer, Dimension size, int maxSide) throws IOException {
		boolean alpha = writer.equals("png") || writer.equals("gif");
		Thumbnails.Builder<? extends InputStream> picture = Thumbnails.of(new ByteArrayInputStream(bytes))
			.useExifOrientation(true)
			.imageType(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
			.outputFormat(writer);
		if (Math.max(size.width, size.height) > maxSide) {
			picture.size(maxSide, maxSide);
		}
		else {
			picture.scale(1.0);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		picture.toOutputStream(out);
		return out.toByteArray();
	}

	/** The width and height the header declares, read without decoding a pixel. */
	private static Dimension declaredSize(byte[] bytes, String what, String field) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw unreadable(what, field);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				return new Dimension(reader.getWidth(0), reader.getHeight(0));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			throw unreadable(what, field);
		}
	}

	/** The ImageIO writer for a picture type, or null when it is no picture read here. */
	private static String writer(FileType type) {
		return switch (type) {
			case JPEG -> "jpg";
			case PNG -> "png";
			case GIF -> "gif";
			case BMP -> "bmp";
			default -> null;
		};
	}

	private static Rejected unreadable(String what, String field) {
		return refused(what + "无法读取，请重新拍摄或另存为JPG后上传", field);
	}

	private static Rejected refused(String message, String field) {
		return new Rejected(message, Map.of(field, message));
	}

}
