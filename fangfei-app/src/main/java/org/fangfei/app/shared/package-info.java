/**
 * Small shared kernel: the typed data scope (数据权限), field encryption and masking of
 * personal data (个人信息加密脱敏), identity and phone checks, tabular file reading for imports,
 * and what several instances on one database share: rate limits (限流) and scheduler locks.
 */
package org.fangfei.app.shared;
