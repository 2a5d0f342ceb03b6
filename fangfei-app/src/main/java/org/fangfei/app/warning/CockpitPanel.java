package org.fangfei.app.warning;

import java.util.List;

/**
 * One panel on the cockpit from a {@link CockpitFigure}: a headline figure with its
 * caption and list, and lines (e.g. one per township), each with its own link. Shown in
 * {@code order}, smaller first; printed with the page.
 *
 * @param key a short id, unique on the page (the panel's HTML id is {@code panel-<key>})
 * @param title the panel's title, e.g. 知晓率
 * @param headline the headline figure as shown, e.g. {@code 86%}; {@code —} when there is
 * none
 * @param caption what the headline counts, e.g. the survey and its answers
 * @param link the list the headline opens
 * @param lines the lines under it, possibly none
 * @param order where the panel stands among the others
 */
public record CockpitPanel(String key, String title, String headline, String caption, String link, List<Line> lines,
		int order) {

	public CockpitPanel {
		lines = List.copyOf(lines);
	}

	/**
	 * A line of a panel: a label (a township), its figure as shown, a note (e.g. the
	 * number of answers) and the list it opens.
	 */
	public record Line(String label, String value, String note, String link) {
	}

}
