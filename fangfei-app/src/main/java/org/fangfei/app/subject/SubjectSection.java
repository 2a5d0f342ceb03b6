package org.fangfei.app.subject;

import java.time.OffsetDateTime;
import java.util.List;

import org.fangfei.app.shared.DataScope;

/**
 * Extension point of the subject page: another module that knows something about subjects
 * (patrols now; clues, cases, alerts and warnings later) provides a bean of this type,
 * and the page shows its facts in a section of their own, newest first. The subject
 * module needs no change for it.
 */
public interface SubjectSection {

	/** The section's heading, e.g. 走访巡查. */
	String title();

	/** Sections are shown in ascending order. */
	int order();

	/**
	 * What this module knows about the subject, limited to the caller's scope; newest
	 * first.
	 */
	List<Fact> facts(long subjectId, DataScope scope);

	/**
	 * One line of a section.
	 *
	 * @param at when it happened
	 * @param summary what happened, in Chinese
	 * @param link a page with the details, or null
	 */
	record Fact(OffsetDateTime at, String summary, String link) {
	}

}
