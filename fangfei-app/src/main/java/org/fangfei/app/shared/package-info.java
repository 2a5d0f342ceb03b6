/**
 * Small shared kernel: the typed data scope (数据权限), field encryption and masking of
 * personal data (个人信息加密脱敏), identity and phone checks, and tabular file reading for
 * imports.
 */
@ApplicationModule(allowedDependencies = {})
package org.fangfei.app.shared;

import org.springframework.modulith.ApplicationModule;
