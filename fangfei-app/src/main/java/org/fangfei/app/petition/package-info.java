/**
 * Petitions and stability (信访维稳): petitions (信访件) with their petitioners, deadlines in
 * working days, reply and satisfaction; key persons (重点人员) with their responsible person
 * and contact records; the 矛盾摸排 register of disputes caused by fundraising; and the
 * social stability risk assessments (社会稳定风险评估) a case's sensitive steps wait for.
 */
@ApplicationModule(allowedDependencies = { "casefile", "subject", "calendar", "notification", "organisation",
		"workbench", "report", "audit", "shared" })
package org.fangfei.app.petition;

import org.springframework.modulith.ApplicationModule;
