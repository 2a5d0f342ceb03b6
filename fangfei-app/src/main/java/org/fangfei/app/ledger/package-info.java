/**
 * The monthly dynamic ledger (月度动态台账) each township submits by the 5th — its subjects,
 * clues and cases as they stood at the month's end, rebuilt from their history — checked
 * and accepted or returned by the county office, and the county's monthly clue report to
 * the city (线索月报, 条例 art. 11) with the city's acceptance. See docs/ledger.md.
 */
@ApplicationModule(allowedDependencies = { "subject", "clue", "casefile", "organisation", "notification", "security",
		"workbench", "audit", "shared" })
package org.fangfei.app.ledger;

import org.springframework.modulith.ApplicationModule;
