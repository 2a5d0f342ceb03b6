/**
 * Evaluation (考核): the yearly scoring schemes (考核方案) for townships and departments, whose
 * indicators read the statistical measures of {@link org.fangfei.app.report} or are
 * scored by hand with evidence; scores computed from the data with every point explained,
 * ranked, exported and finalised; and the 无非法集资社区(村) drive — nomination, checklist,
 * self-assessment, county review, certification and revocation by a new case. See
 * docs/evaluation.md.
 */
@ApplicationModule(
		allowedDependencies = { "report", "casefile", "organisation", "security", "audit", "warning", "shared" })
package org.fangfei.app.evaluation;

import org.springframework.modulith.ApplicationModule;
