/**
 * The risk-subject ledger (风险主体台账, 建档立卡): enterprises, individuals, organisations and
 * online platforms under watch, with the statutory word check of 条例 art. 9, duplicate
 * detection, the supervising department by sector (谁审批谁监管), and monthly snapshots
 * (动态管理台账).
 */
@ApplicationModule(allowedDependencies = { "organisation", "workbench", "report", "audit", "shared" })
package org.fangfei.app.subject;

import org.springframework.modulith.ApplicationModule;
