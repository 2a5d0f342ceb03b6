package org.fangfei.app.workbench;

import java.time.LocalDate;
import java.util.List;

/**
 * One card of the workbench.
 *
 * @param id a stable id for the page ({@code clues}); element ids derive from it
 * @param order where it goes, smaller first
 * @param title the card's heading
 * @param link the page the heading opens, or null
 * @param figures the unit's counts
 * @param itemsTitle the heading of {@code items}, or null
 * @param items what is waiting, with deadlines where there are any
 * @param shortcuts the daily work's pages
 */
public record WorkbenchPanel(String id, int order, String title, String link, List<Figure> figures, String itemsTitle,
		List<Item> items, List<Shortcut> shortcuts) {

	public WorkbenchPanel {
		figures = List.copyOf(figures);
		items = List.copyOf(items);
		shortcuts = List.copyOf(shortcuts);
	}

	/**
	 * A count, opening the list it counts.
	 *
	 * @param alerting whether a non-zero value asks for attention (overdue, waiting)
	 */
	public record Figure(String id, String label, long value, String link, boolean alerting) {

		public boolean alert() {
			return this.alerting && this.value > 0;
		}

	}

	/**
	 * A matter waiting.
	 *
	 * @param due its deadline, or null
	 * @param overdue whether the deadline has passed
	 */
	public record Item(String label, String detail, LocalDate due, boolean overdue, String link) {
	}

	/** A page of the daily work. */
	public record Shortcut(String id, String label, String link) {
	}

}
