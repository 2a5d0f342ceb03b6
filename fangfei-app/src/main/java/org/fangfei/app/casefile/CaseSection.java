package org.fangfei.app.casefile;

import java.util.List;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;

/**
 * Extension point of the case page, like {@code clue.ClueSection}: a module that follows
 * cases (petitions and stability assessments) provides a bean of this type and its facts
 * appear in a section of their own, without the case ledger knowing that module.
 */
public interface CaseSection {

	/** The section's heading, e.g. 信访件. */
	String title();

	/** Sections are shown in ascending order. */
	int order();

	/** What this module knows about the case, limited to the caller's scope. */
	List<Fact> facts(long caseId, DataScope scope);

	/** Links to what the caller may do from here (登记信访件), none by default. */
	default List<Fact> actions(long caseId, Actor actor) {
		return List.of();
	}

	/**
	 * One line of a section.
	 *
	 * @param summary what it is, in Chinese
	 * @param link a page with the details, or null
	 */
	record Fact(String summary, String link) {
	}

	/** A section as the page shows it. */
	record Shown(String title, List<Fact> facts, List<Fact> actions) {
	}

}
