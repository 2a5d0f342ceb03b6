package org.fangfei.app.shared;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Pictures drawn afresh before they are stored: only the pixels survive, so whatever a
 * phone wrote beside them (EXIF with the place a photo was taken, comments, anything
 * hidden behind the image data) is gone.
 */
public final class Images {

	private Images() {
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

}
