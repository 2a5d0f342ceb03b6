package org.fangfei.app.organisation;

import org.fangfei.app.shared.Rejected;

/**
 * An import refused because its file or some of its rows are invalid; carries the report
 * so that the user sees every problem. Thrown before anything is written, or inside the
 * import's transaction so that nothing is.
 */
class ImportRefused extends Rejected {

	private final transient ImportReport report;

	ImportRefused(ImportReport report) {
		super(report.message());
		this.report = report;
	}

	ImportReport report() {
		return this.report;
	}

}
