/**
 * Outreach and training (宣传教育, 培训): publicity activities at the 七进 venues against the
 * yearly plan, the materials library, awareness surveys (知晓率) answered on a phone without
 * an account, typical cases (典型案例) written from closed cases, training of grid workers
 * and staff, and the social forces — volunteers (志愿者) and industry associations (行业协会),
 * whose reports on a member become clues.
 */
@ApplicationModule(allowedDependencies = { "casefile", "clue", "tip", "subject", "organisation", "report", "warning",
		"audit", "shared" })
package org.fangfei.app.outreach;

import org.springframework.modulith.ApplicationModule;
