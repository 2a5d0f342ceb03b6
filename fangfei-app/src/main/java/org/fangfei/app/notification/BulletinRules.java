package org.fangfei.app.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.organisation.Department;
import org.fangfei.app.organisation.Departments;
import org.fangfei.app.organisation.Region;
import org.fangfei.app.organisation.RegionLevel;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Rejected;

import org.springframework.stereotype.Component;

/**
 * Who a bulletin may go to: enabled townships within the sender's jurisdiction, and
 * enabled departments within it other than the sender's own. Checks the chosen recipients
 * before anything is written.
 */
@Component
class BulletinRules {

	private final Regions regions;

	private final Departments departments;

	BulletinRules(Regions regions, Departments departments) {
		this.regions = regions;
		this.departments = departments;
	}

	/** A receiving unit: a township (regionCode) or a department (departmentId). */
	record Target(String regionCode, Long departmentId, String name) {

		Recipient recipient() {
			return this.regionCode != null ? Recipient.unit(this.regionCode) : Recipient.department(this.departmentId);
		}

	}

	List<Region> townships(DataScope scope) {
		if (scope.nothing()) {
			return List.of();
		}
		return this.regions.search(null, RegionLevel.TOWNSHIP, scope).stream().filter(Region::enabled).toList();
	}

	List<Department> departments(DataScope scope, Reader sender) {
		if (scope.nothing()) {
			return List.of();
		}
		return this.departments.list(null, scope)
			.stream()
			.filter(d -> d.enabled() && !Long.valueOf(d.id()).equals(sender.departmentId()))
			.toList();
	}

	/**
	 * The receiving units of the form, in order, without repeats.
	 * @throws Rejected when there are none, or one is unknown, disabled or outside the
	 * jurisdiction
	 */
	List<Target> targets(BulletinForm form, DataScope scope, Reader sender) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<Target> targets = new ArrayList<>();
		if (form.toAllTownships()) {
			townships(scope).forEach(r -> targets.add(new Target(r.code(), null, r.name())));
		}
		else {
			for (String code : form.townships().stream().distinct().toList()) {
				Optional<Region> region = this.regions.byCode(code)
					.filter(r -> r.enabled() && r.level() == RegionLevel.TOWNSHIP && scope.covers(r.code()));
				region.ifPresentOrElse(r -> targets.add(new Target(r.code(), null, r.name())),
						() -> errors.putIfAbsent("townships", "接收乡镇“" + code + "”不存在、已停用或不在您的管辖范围内"));
			}
		}
		List<Department> allowed = departments(scope, sender);
		if (form.toAllDepartments()) {
			allowed.forEach(d -> targets.add(new Target(null, d.id(), d.name())));
		}
		else {
			for (Long id : form.departments().stream().distinct().toList()) {
				allowed.stream()
					.filter(d -> d.id() == id)
					.findFirst()
					.ifPresentOrElse(d -> targets.add(new Target(null, d.id(), d.name())),
							() -> errors.putIfAbsent("departments", "接收成员单位(编号" + id + ")不存在、已停用或不在您的管辖范围内"));
			}
		}
		if (errors.isEmpty() && targets.isEmpty()) {
			errors.put("recipients", "请至少选择一个接收单位(乡镇或成员单位)");
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		return targets;
	}

}
