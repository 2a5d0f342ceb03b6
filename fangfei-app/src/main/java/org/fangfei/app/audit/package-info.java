/**
 * The append-only audit log (审计日志): every sign-in and every write, who, when, what,
 * before and after, and the outcome; read only by the audit administrator (安全审计员).
 */
@ApplicationModule(allowedDependencies = { "shared" })
package org.fangfei.app.audit;

import org.springframework.modulith.ApplicationModule;
