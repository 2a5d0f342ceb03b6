package org.fangfei.app.shared;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Semaphore;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Pictures drawn afresh before they are stored: only the pixels survive, so whatever a
 * phone wrote beside them (EXIF with the place a photo was taken, comments, anything
 * hidden behind the image data) is gone.
 * <p>
 * This is the one place where uploaded pictures are decoded (patrol photos, tip photos,
 * the pictures inside a tip's Word document). The width and height are read from the
 * header before any pixel is decoded, and a picture over {@value #MAX_PIXELS} pixels is
 * refused: a small, highly compressed PNG can declare 23170 × 23170 pixels and would
 * otherwise take gigabytes of heap to decode (a decompression bomb).
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

	/** The picture formats read by their first bytes, with the ImageIO writer name. */
	public enum Format {

		JPEG("image/jpeg", "jpg", 0xFF, 0xD8, 0xFF),
		PNG("image/png", "png", 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A),
		GIF("image/gif", "gif", 'G', 'I', 'F', '8'), BMP("image/bmp", "bmp", 'B', 'M');

		private final String contentType;

		private final String writer;

		private final int[] magic;

		Format(String contentType, String writer, int... magic) {
			this.contentType = contentType;
			this.writer = writer;
			this.magic = magic;
		}

		public String contentType() {
			return this.contentType;
		}

		/** The format by the file's first bytes, or null when it is none of these. */
		public static Format of(byte[] bytes) {
			return Arrays.stream(values()).filter(f -> f.starts(bytes)).findFirst().orElse(null);
		}

		private boolean starts(byte[] bytes) {
			if (bytes.length < this.magic.length) {
				return false;
			}
			for (int i = 0; i < this.magic.length; i++) {
				if ((bytes[i] & 0xFF) != this.magic[i]) {
					return false;
				}
			}
			return true;
		}

		private boolean alpha() {
			return this == PNG || this == GIF;
		}

	}

	/** A picture encoded again: its format and bytes, and how many pixels it declared. */
	public record Reencoded(Format format, byte[] bytes, long sourcePixels) {
	}

	private Images() {
	}

	/**
	 * The picture decoded, redrawn to fit {@code maxSide} pixels and encoded again in its
	 * own format.
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
		Format format = Format.of(bytes);
		if (format == null) {
			throw unreadable(what, field);
		}
		long sourcePixels;
		BufferedImage plain;
		DECODING.acquireUninterruptibly();
		try {
			BufferedImage image = decoded(bytes, maxPixels, what, field, tooLarge);
			sourcePixels = (long) image.getWidth() * image.getHeight();
			plain = redrawn(image, maxSide, format.alpha());
		}
		finally {
			DECODING.release();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(plain, format.writer, out)) {
				throw unreadable(what, field);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Reencoded(format, out.toByteArray(), sourcePixels);
	}

	/**
	 * The picture's pixels, decoded only after its header showed at most
	 * {@code maxPixels} pixels.
	 * @throws Rejected when it cannot be read or is too large
	 */
	public static BufferedImage decoded(byte[] bytes, long maxPixels, String what, String field) {
		return decoded(bytes, maxPixels, what, field, null);
	}

	private static BufferedImage decoded(byte[] bytes, long maxPixels, String what, String field, String tooLarge) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw unreadable(what, field);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				if ((long) reader.getWidth(0) * reader.getHeight(0) > maxPixels) {
					throw refused((tooLarge != null) ? tooLarge : what + "尺寸过大(超过" + maxPixels / 10_000 + "万像素)，请缩小后上传",
							field);
				}
				BufferedImage image = reader.read(0);
				if (image == null) {
					throw unreadable(what, field);
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (Rejected rejected) {
			throw rejected;
		}
		catch (IOException | RuntimeException ex) {
			throw unreadable(what, field);
		}
	}

	/**
	 * The picture redrawn, scaled down to fit {@code maxSide} pixels on its longer side
	 * (never up); with an alpha channel when {@code alpha} (PNG), plain RGB otherwise
	 * (JPEG).
	 */
	public static BufferedImage redrawn(BufferedImage image, int maxSide, boolean alpha) {
		double scale = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
		int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
		BufferedImage target = new BufferedImage(width, height,
				alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return target;
	}

	private static Rejected unreadable(String what, String field) {
		return refused(what + "无法读取，请重新拍摄或另存为JPG后上传", field);
	}

	private static Rejected refused(String message, String field) {
		return new Rejected(message, Map.of(field, message));
	}

}
