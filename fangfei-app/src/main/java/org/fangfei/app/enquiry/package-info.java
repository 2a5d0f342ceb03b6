/**
 * Account enquiries and fund tracing (资金查询, 资金穿透): enquiries and freezes (冻结) at banks,
 * approved by the office head only (条例 art. 21), their request letters and the banks'
 * answers; the per-account statements (对账单) banks send, read in any common layout into
 * the accounts and flows of a case or clue; and the tracing of the money through them,
 * with the detector's alerts on the same flows.
 */
@ApplicationModule(allowedDependencies = { "casefile", "clue", "notification", "audit", "shared" })
package org.fangfei.app.enquiry;

import org.springframework.modulith.ApplicationModule;
