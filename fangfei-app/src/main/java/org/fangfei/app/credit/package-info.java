/**
 * The credit list (失信名单, 信用监管): subjects listed on a final administrative penalty or a
 * criminal judgment in force from a case or a clue's measures, removed on expiry or by
 * credit repair (信用修复), queried by the member departments ("一处发现，处处受限") with every query
 * logged, and, when the county turns it on, a public list of enterprises.
 */
@ApplicationModule(allowedDependencies = { "casefile", "clue", "subject", "audit", "shared" })
package org.fangfei.app.credit;

import org.springframework.modulith.ApplicationModule;
