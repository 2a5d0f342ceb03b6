package org.fangfei.app.report;

import java.util.List;

/**
 * The port through which a module offers its figures to the statistical forms: the report
 * module owns it, the modules that hold the facts (clues, subjects, buildings, patrols,
 * cases, outreach, petitions) implement it with SQL over their own tables, so the report
 * module names none of them. Each {@link Measure} counts things as they stood in the
 * period, from the module's own dates and timelines — never from today's state.
 */
public interface MeasureSource {

	/** The measures this module answers; codes are unique across all modules. */
	List<Measure> measures();

}
