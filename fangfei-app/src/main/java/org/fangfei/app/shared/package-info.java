/**
 * Small shared kernel: the typed data scope (数据权限), field encryption and masking of
 * personal data (个人信息加密脱敏), identity and phone checks, tabular file reading for imports,
 * and the one way to do what every module does: money in fen shown as yuan
 * ({@link org.fangfei.app.shared.Money}), upload types by content
 * ({@link org.fangfei.app.shared.FileType}), pictures re-encoded upright without metadata
 * ({@link org.fangfei.app.shared.Images}) and capped paging
 * ({@link org.fangfei.app.shared.PageRequest}); and what several instances on one
 * database share: rate limits (限流) and scheduler locks.
 */
@ApplicationModule(allowedDependencies = {})
package org.fangfei.app.shared;

import org.springframework.modulith.ApplicationModule;
