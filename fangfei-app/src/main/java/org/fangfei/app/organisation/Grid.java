package org.fangfei.app.organisation;

/**
 * A 网格: level 1 over a township, level 2 over a village or community under its township's
 * grid.
 */
public record Grid(long id, String code, String name, int level, String regionCode, String regionName, Long parentId,
		String parentName, boolean enabled, int people) {
}
