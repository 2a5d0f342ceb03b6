package org.fangfei.app.building;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.DemoNames;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The year of history's buildings: office buildings, markets and commercial blocks in the
 * county seat's townships and the larger towns, registered through
 * {@link Buildings#create}, and a sweep of most of them in each of the past twelve months
 * through {@link Sweeps#record} (dated in the month, recorded that day), some with risks
 * found. Names are invented.
 */
@Component
class DemoBuildings implements DemoPart {

	/** Township, its demo account (or the office), buildings there. */
	private record Town(String code, String sweeper, int buildings) {
	}

	private static final List<Town> TOWNS = List.of(new Town("620422100000", "huishi", 14),
			new Town("620422102000", "hepan", 8), new Town("620422101000", "office", 5),
			new Town("620422103000", "office", 4), new Town("620422104000", "office", 3));

	private static final String[] NAMES = { "商务大厦", "金融广场", "商贸城", "财富中心", "综合市场", "农贸市场", "时代广场", "创业园", "电商产业园",
			"步行街商业楼", "公寓", "国际大酒店写字楼" };

	private final Buildings buildings;

	private final Sweeps sweeps;

	private final JdbcClient jdbc;

	DemoBuildings(Buildings buildings, Sweeps sweeps, JdbcClient jdbc) {
		this.buildings = buildings;
		this.sweeps = sweeps;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "building.year";
	}

	@Override
	public int order() {
		return 110;
	}

	@Override
	public boolean history() {
		return true;
	}

	@Override
	public void run() {
		DemoNames demo = new DemoNames(110);
		List<Building> made = new ArrayList<>();
		List<String> sweepers = new ArrayList<>();
		java.util.Set<String> names = new java.util.HashSet<>();
		for (Town town : TOWNS) {
			List<String> villages = this.jdbc
				.sql("select code from region where parent_code = :t and level = 'VILLAGE' order by code")
				.param("t", town.code())
				.query(String.class)
				.list();
			for (int i = 0; i < town.buildings(); i++) {
				String name = demo.firm() + demo.pick(NAMES);
				while (!names.add(name)) {
					name = demo.firm() + demo.pick(NAMES);
				}
				BuildingKind kind = name.endsWith("市场") || name.endsWith("商贸城") ? BuildingKind.MARKET
						: name.endsWith("公寓") ? BuildingKind.APARTMENT
								: name.endsWith("大厦") || name.endsWith("写字楼") || name.endsWith("中心")
										? BuildingKind.OFFICE : BuildingKind.COMMERCIAL;
				String village = villages.isEmpty() ? town.code() : villages.get(i % villages.size());
				try (Times.Held held = Times.holdAt(demo.daysAgo(380 - i))) {
					made.add(this.buildings.create(new BuildingForm(name, kind, "会宁县" + name + "(" + village + ")",
							village, null, 3 + demo.below(20), null), DataScope.all()));
				}
				sweepers.add(town.sweeper());
			}
		}
		YearMonth month = YearMonth.from(Times.today()).minusMonths(11);
		for (int m = 0; m < 12; m++, month = month.plusMonths(1)) {
			for (int b = 0; b < made.size(); b++) {
				if (demo.chance(0.12)) {
					continue;
				}
				LocalDate on = month.atDay(1 + demo.below(month.lengthOfMonth()));
				if (on.isAfter(Times.today())) {
					continue;
				}
				int risks = demo.chance(0.15) ? 1 + demo.below(2) : 0;
				SweepForm form = new SweepForm(on, "乡镇处非工作人员、社区网格员、市场监管所", 4 + demo.below(30), risks,
						risks == 0 ? null : "发现" + risks + "家商户张贴“高息理财”“保本保息”宣传单，已当场约谈并收缴宣传材料", null, false);
				try (Times.Held held = Times.holdAt(demo.on(on))) {
					this.sweeps.record(made.get(b).id(), form, DataScope.all(), sweepers.get(b));
				}
			}
		}
	}

}
