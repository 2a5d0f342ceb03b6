/**
 * Tips from the public (群众举报, 条例 art. 16) through a portal that needs no account, with
 * the reporter kept secret, tracking by an unguessable code, and rewards for verified
 * tips (举报奖励); each tip becomes a clue of channel {@code TIP}.
 */
@ApplicationModule(
		allowedDependencies = { "clue", "notification", "security", "subject", "organisation", "audit", "shared" })
package org.fangfei.app.tip;

import org.springframework.modulith.ApplicationModule;
