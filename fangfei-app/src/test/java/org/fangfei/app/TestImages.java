package org.fangfei.app;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Pictures for tests that cannot be drawn with ImageIO cheaply. */
public final class TestImages {

	private TestImages() {
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
