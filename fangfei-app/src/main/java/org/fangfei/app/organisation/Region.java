package org.fangfei.app.organisation;

/**
 * A 行政区划 with its 12-digit 统计用区划代码.
 */
public record Region(String code, String name, RegionLevel level, String parentCode, boolean enabled) {
}
