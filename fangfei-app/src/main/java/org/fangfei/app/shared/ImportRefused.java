package org.fangfei.app.shared;

/**
 * An import refused because its file or some of its rows are invalid; carries the report
 * so that the user sees every problem. Thrown before anything is written, or inside the
 * import's transaction so that nothing is.
 */
public class ImportRefused extends Rejected {

	private final transient ImportReport report;

	public ImportRefused(ImportReport report) {
		super(report.message());
		this.report = report;
	}

	public ImportReport report() {
		return this.report;
	}

}
