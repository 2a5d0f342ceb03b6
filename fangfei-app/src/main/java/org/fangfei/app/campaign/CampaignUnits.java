package org.fangfei.app.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.organisation.Department;
import org.fangfei.app.organisation.Departments;
import org.fangfei.app.organisation.Region;
import org.fangfei.app.organisation.RegionLevel;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Regions12;

import org.springframework.stereotype.Component;

/**
 * The units a county has for campaign tasks — its townships and its member departments —
 * and how a unit written in a document maps to them. 各街道 stands for every township,
 * 区协调机制成员单位 for every member department, 各行业主管部门 for every department that supervises a
 * sector; a few written names map by a word of the department's name (区公安分局 to the
 * department whose name holds 公安). Anything else keeps its written name.
 */
@Component
class CampaignUnits {

	/** A unit the county has, as a choice on a page. */
	record Choice(String key, String name) {
	}

	/** A unit a written name resolves to. */
	record Resolved(String name, String regionCode, Long departmentId) {
	}

	private static final Map<String, String> BY_WORD = Map.of("区财政金融局", "金融", "区公安分局", "公安", "中国人民银行枣庄市分行", "人民银行",
			"区党群工作部", "宣传", "社会事务综合服务中心", "民政", "区投资促进局", "商务", "区行政审批局", "审批", "区政法委", "政法");

	private final Regions regions;

	private final Departments departments;

	CampaignUnits(Regions regions, Departments departments) {
		this.regions = regions;
		this.departments = departments;
	}

	List<Region> townships(String countyCode) {
		return this.regions.search(null, RegionLevel.TOWNSHIP, DataScope.jurisdiction(countyCode))
			.stream()
			.filter(Region::enabled)
			.toList();
	}

	List<Department> departments(String countyCode) {
		return this.departments.list(null, DataScope.all())
			.stream()
			.filter(Department::enabled)
			.filter(d -> !d.office())
			.filter(d -> d.regionCode() != null && d.regionCode().startsWith(Regions12.prefixOf(countyCode)))
			.toList();
	}

	/** Every unit of the county, townships first. */
	List<Choice> choices(String countyCode) {
		List<Choice> choices = new ArrayList<>();
		townships(countyCode).forEach(r -> choices.add(new Choice("R:" + r.code(), r.name())));
		departments(countyCode).forEach(d -> choices.add(new Choice("D:" + d.id(), d.name())));
		return choices;
	}

	/** The units a written name stands for in the county; empty when it has none. */
	List<Resolved> resolve(String written, String countyCode) {
		String name = written.strip();
		if (name.equals("各街道") || name.equals("各乡镇")) {
			return townships(countyCode).stream().map(r -> new Resolved(r.name(), r.code(), null)).toList();
		}
		if (name.equals("区协调机制成员单位") || name.equals("成员单位")) {
			return departments(countyCode).stream().map(d -> new Resolved(d.name(), null, d.id())).toList();
		}
		if (name.equals("各行业主管部门")) {
			return departments(countyCode).stream()
				.filter(d -> !d.sectorCodes().isEmpty())
				.map(d -> new Resolved(d.name(), null, d.id()))
				.toList();
		}
		String word = BY_WORD.get(name);
		Optional<Department> match = word == null ? Optional.empty()
				: departments(countyCode).stream().filter(d -> d.name().contains(word)).findFirst();
		return match.map(d -> List.of(new Resolved(d.name(), null, d.id()))).orElse(List.of());
	}

	/** The unit a choice key names, if the county has it. */
	Optional<Resolved> byKey(String key, String countyCode) {
		return choices(countyCode).stream().filter(c -> c.key().equals(key)).findFirst().map(c -> {
			if (c.key().startsWith("R:")) {
				return new Resolved(c.name(), c.key().substring(2), null);
			}
			return new Resolved(c.name(), null, Long.parseLong(c.key().substring(2)));
		});
	}

}
