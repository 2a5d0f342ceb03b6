package org.fangfei.detect.screen;

import java.util.List;

/**
 * The screener's verdict on one text.
 *
 * @param score 0–100
 * @param flagged whether the score reaches {@link Screener#THRESHOLD}
 * @param hits what was found, in the order it counts
 * @param explanation the hits in one line of Chinese, ending with how the score was
 * reached
 */
public record Screening(int score, boolean flagged, List<Hit> hits, String explanation) {

	/**
	 * One thing found.
	 *
	 * @param category the dictionary category, or 收益数字 for a yield
	 * @param term the dictionary term as written there (for a yield, the yield word)
	 * @param quote the text as written, evasions included (at most 30 characters)
	 * @param effect what it did to the score, e.g. {@code +45} or {@code ×30%}
	 */
	public record Hit(String category, String term, String quote, String effect) {
	}

}
