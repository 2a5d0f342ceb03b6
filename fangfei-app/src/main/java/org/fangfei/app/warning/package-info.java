/**
 * Early warning (监测预警, 风险指数): a 0–100 risk index per subject from named signals, each
 * kept with its record, tiers 红/橙/黄/蓝 with editable cut-offs, warnings (预警) pushed to the
 * responsible township or department with a required response, the back-test that shows
 * how early the index saw later cases, public risk notices (风险提示) and the leaders'
 * cockpit (领导驾驶舱).
 */
@ApplicationModule(allowedDependencies = { "clue", "casefile", "patrol", "building", "ad", "monitoring", "subject",
		"notification", "calendar", "workbench", "security", "audit", "shared" })
package org.fangfei.app.warning;

import org.springframework.modulith.ApplicationModule;
