package org.fangfei.app.clue;

import java.util.List;

import org.fangfei.app.shared.DataScope;

/**
 * Extension point of the clue page, like {@code subject.SubjectSection}: a module that
 * follows clues (the case ledger: the case a clue became) provides a bean of this type
 * and its facts appear in a section of their own, without the clue module knowing that
 * module.
 */
public interface ClueSection {

	/** The section's heading, e.g. 案件. */
	String title();

	/** Sections are shown in ascending order. */
	int order();

	/** What this module knows about the clue, limited to the caller's scope. */
	List<Fact> facts(long clueId, DataScope scope);

	/**
	 * One line of a section.
	 *
	 * @param summary what it is, in Chinese
	 * @param link a page with the details, or null
	 */
	record Fact(String summary, String link) {
	}

	/** A section as the page shows it. */
	record Shown(String title, List<Fact> facts) {
	}

}
