package org.fangfei.app.organisation;

import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Regions12;

/**
 * The region check shared by the grid and person imports.
 */
final class ImportRegions {

	private ImportRegions() {
	}

	/**
	 * An existing region in the caller's scope.
	 * @return the region, or null after adding the problem
	 */
	static Region inScope(String what, String code, Map<String, Region> existing, DataScope scope,
			List<String> problems) {
		if (code.isEmpty()) {
			problems.add(what + "不能为空");
			return null;
		}
		if (!Regions12.isValid(code)) {
			problems.add(what + "不合法（" + code + "），应为12位数字");
			return null;
		}
		Region region = existing.get(code);
		if (region == null) {
			problems.add("所属区划不存在（" + code + "）");
			return null;
		}
		if (!scope.covers(code)) {
			problems.add("所属区划不在您的管辖范围内（" + code + " " + region.name() + "）");
			return null;
		}
		return region;
	}

}
