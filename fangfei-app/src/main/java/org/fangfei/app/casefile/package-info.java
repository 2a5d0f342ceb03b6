/**
 * The case ledger (案件台账): cases opened from determined clues or registered directly,
 * their stages on the administrative or criminal path, key cases with supervision, leader
 * ownership and task force, cross-region work (三统两分), assets and refunds (追赃挽损) to the
 * participants (集资参与人).
 */
@ApplicationModule(allowedDependencies = { "clue", "notification", "security", "subject", "organisation", "tip",
		"workbench", "report", "audit", "shared" })
package org.fangfei.app.casefile;

import org.springframework.modulith.ApplicationModule;
