package org.fangfei.app.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.BlindIndex;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.TabularFile;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the demo county 会宁县 (620422) into an empty database: its 28 townships as level-1
 * grids and 322 villages and communities as level-2 grids (2023 统计用区划代码), the member
 * departments with the sectors they supervise, and a grid leader per township and a grid
 * worker per village with synthetic names, phones and ID numbers: the first part of the
 * demo ({@link DemoPart}).
 */
@Component
class DemoCounty implements DemoPart {

	static final String CSV = "demo/620422-huining-villages-2023.csv";

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
			"明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "文", "华", "红", "玉兰", "志强", "海燕", "建国" };

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final BlindIndex index;

	private final AuditLog audit;

	DemoCounty(JdbcClient jdbc, FieldCipher cipher, BlindIndex index, AuditLog audit) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.index = index;
		this.audit = audit;
	}

	@Override
	public String name() {
		return "organisation.county";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public void run() {
		List<List<String>> rows = readCsv();
		region("620000000000", "甘肃省", RegionLevel.PROVINCE, null);
		region("620400000000", "白银市", RegionLevel.CITY, "620000000000");
		region("620422000000", "会宁县", RegionLevel.COUNTY, "620400000000");
		Map<String, String> townships = new LinkedHashMap<>();
		for (List<String> row : rows) {
			townships.putIfAbsent(row.get(2) + "000", row.get(3));
		}
		Map<String, Long> townshipGrids = new LinkedHashMap<>();
		townships.forEach((code, name) -> {
			region(code, name, RegionLevel.TOWNSHIP, "620422000000");
			townshipGrids.put(code, grid(code, name + "网格", 1, code, null));
		});
		Map<String, Long> villageGrids = new LinkedHashMap<>();
		for (List<String> row : rows) {
			String township = row.get(2) + "000";
			region(row.get(0), row.get(1), RegionLevel.VILLAGE, township);
			villageGrids.put(row.get(0),
					grid(row.get(0), shortName(row.get(1)) + "网格", 2, row.get(0), townshipGrids.get(township)));
		}
		departments();
		int n = 0;
		for (Map.Entry<String, Long> t : townshipGrids.entrySet()) {
			person(n++, PersonRole.GRID_LEADER, t.getKey(), t.getValue());
		}
		for (Map.Entry<String, Long> v : villageGrids.entrySet()) {
			person(n++, PersonRole.GRID_WORKER, v.getKey(), v.getValue());
		}
		this.audit.success("IMPORT", "region", "620422000000",
				"加载演示数据：会宁县 " + townships.size() + " 个乡镇、" + rows.size() + " 个村(社区)、" + n + " 名网格人员", null, null);
	}

	private static List<List<String>> readCsv() {
		try (InputStream in = new ClassPathResource(CSV).getInputStream()) {
			List<List<String>> rows = new ArrayList<>(TabularFile.read("villages.csv", in));
			rows.remove(0);
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** 东山根社区居民委员会 → 东山根社区, 北关村民委员会 → 北关村. */
	static String shortName(String full) {
		return full.replace("社区居民委员会", "社区").replace("村民委员会", "村").replace("居民委员会", "社区");
	}

	private void region(String code, String name, RegionLevel level, String parent) {
		this.jdbc.sql("insert into region (code, name, level, parent_code) values (:c, :n, :l, :p)")
			.param("c", code)
			.param("n", name)
			.param("l", level.name())
			.param("p", parent)
			.update();
	}

	private long grid(String code, String name, int level, String region, Long parent) {
		return this.jdbc.sql("""
				insert into grid (code, name, level, region_code, parent_id) values (:c, :n, :l, :r, :p) returning id
				""")
			.param("c", code)
			.param("n", name)
			.param("l", level)
			.param("r", region)
			.param("p", parent)
			.query(Long.class)
			.single();
	}

	private void departments() {
		department("县防范和处置非法集资工作领导小组办公室(处非办)", "处非办", true, List.of());
		department("县市场监督管理局", "市场监管局", false,
				List.of("INVESTMENT_CONSULTING", "COMMERCE_SERVICE", "HEALTH_PRODUCTS", "THIRD_PARTY_WEALTH"));
		department("县公安局", "公安局", false, List.of("VIRTUAL_CURRENCY"));
		department("县金融工作办公室", "金融办", false, List.of("WEALTH_MANAGEMENT", "PRIVATE_LENDING_AGENCY", "PRIVATE_FUND",
				"MICROLOAN", "FINANCING_GUARANTEE"));
		department("县民政局", "民政局", false, List.of("ELDERLY_CARE"));
		department("县农业农村局", "农业农村局", false, List.of("FARMER_COOPERATIVE", "AGRICULTURE"));
		department("县住房和城乡建设局", "住建局", false, List.of("REAL_ESTATE"));
		department("县文体广电和旅游局", "文旅局", false, List.of("CULTURE_TOURISM", "FILM_INVESTMENT"));
		department("县教育局", "教育局", false, List.of("EDUCATION"));
		department("中国人民银行会宁县支行", "人行会宁支行", false, List.of("DEBT_RELIEF"));
	}

	private void department(String name, String shortName, boolean office, List<String> sectors) {
		long id = this.jdbc.sql("""
				insert into department (name, short_name, region_code, is_office) values (:n, :s, '620422000000', :o)
				returning id
				""").param("n", name).param("s", shortName).param("o", office).query(Long.class).single();
		for (String sector : sectors) {
			this.jdbc.sql("insert into department_sector (department_id, sector_code) values (:id, :s)")
				.param("id", id)
				.param("s", sector)
				.update();
		}
	}

	/**
	 * Synthetic but well-formed: an unallocated 1990-range mobile prefix and a valid GB
	 * 11643 check digit.
	 */
	private void person(int n, PersonRole role, String region, long gridId) {
		String name = SURNAMES[(n * 7) % SURNAMES.length] + GIVEN[(n * 11 + n / SURNAMES.length) % GIVEN.length];
		String phone = String.format("1990422%04d", n);
		String first17 = "620422" + String.format("19%02d%02d%02d", 60 + n % 40, 1 + n % 12, 1 + n % 28)
				+ String.format("%03d", n % 1000);
		String idNumber = first17 + PersonalData.idCheckCharacter(first17);
		long id = this.jdbc.sql("select nextval('person_id_seq')").query(Long.class).single();
		this.jdbc.sql("""
				insert into person (id, name, role, region_code, grid_id, phone_enc, phone_idx, phone_masked,
				  id_number_enc, id_number_idx, id_number_masked)
				values (:id, :name, :role, :region, :grid, :pe, :pi, :pm, :ie, :ii, :im)
				""")
			.param("id", id)
			.param("name", name)
			.param("role", role.name())
			.param("region", region)
			.param("grid", gridId)
			.param("pe", this.cipher.encrypt(phone, People.PHONE + ":" + id))
			.param("pi", this.index.of(People.PHONE, phone))
			.param("pm", PersonalData.maskPhone(phone))
			.param("ie", this.cipher.encrypt(idNumber, People.ID_NUMBER + ":" + id))
			.param("ii", this.index.of(People.ID_NUMBER, idNumber))
			.param("im", PersonalData.maskIdNumber(idNumber))
			.update();
	}

}
