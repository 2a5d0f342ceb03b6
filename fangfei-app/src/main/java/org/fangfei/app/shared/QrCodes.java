package org.fangfei.app.shared;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes (二维码) as PNG, with ZXing: a link printed on a poster or a leaflet, read by any
 * phone camera. Error correction M (15 %) survives a creased or smudged print.
 */
public final class QrCodes {

	/** The longest text encoded; a link is far shorter. */
	static final int MAX_TEXT = 500;

	private QrCodes() {
	}

	/** A black-on-white PNG of about {@code size} pixels square, with the quiet zone. */
	public static byte[] png(String text, int size) {
		if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
			throw new IllegalArgumentException("QR text must be 1–" + MAX_TEXT + " characters");
		}
		if (size < 64 || size > 2048) {
			throw new IllegalArgumentException("QR size must be 64–2048 pixels");
		}
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET,
							"UTF-8", EncodeHintType.MARGIN, 2));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("QR text cannot be encoded", ex);
		}
		BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
