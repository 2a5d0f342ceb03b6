/**
 * Sign-in and authorisation (安全): accounts, roles with permission strings, the
 * per-request data scope by jurisdiction (数据权限), 三员分立 of the system, security and audit
 * administrators, password policy, sign-in slow-down (no lock-out by name) and idle
 * timeout.
 */
@ApplicationModule(allowedDependencies = { "organisation", "audit", "shared" })
package org.fangfei.app.security;

import org.springframework.modulith.ApplicationModule;
