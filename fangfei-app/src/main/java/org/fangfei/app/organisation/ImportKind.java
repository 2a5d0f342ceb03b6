package org.fangfei.app.organisation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.fangfei.app.shared.ImportTemplate;

/**
 * The organisation's import kinds: 区划, 网格 and 人员.
 */
enum ImportKind implements ImportTemplate {

	REGION("region", "区划", List.of(Columns.REGION_CODE, Columns.NAME, Columns.PARENT_REGION_CODE),
			List.of(Columns.REGION_CODE, Columns.NAME), List.of("620422100001", "东山根社区居民委员会", "620422100000")),

	GRID("grid", "网格",
			List.of(Columns.GRID_CODE, Columns.GRID_NAME, Columns.GRID_LEVEL, Columns.GRID_REGION_CODE,
					Columns.PARENT_GRID_CODE),
			List.of(Columns.GRID_CODE, Columns.GRID_NAME, Columns.GRID_LEVEL, Columns.GRID_REGION_CODE),
			List.of("620422100001", "东山根社区网格", "2", "620422100001", "620422100000")),

	PERSON("person", "人员",
			List.of(Columns.PERSON_NAME, Columns.ROLE, Columns.PHONE, Columns.ID_NUMBER, Columns.PERSON_REGION_CODE,
					Columns.PERSON_GRID_CODE),
			List.of(Columns.PERSON_NAME, Columns.ROLE, Columns.PHONE, Columns.PERSON_REGION_CODE),
			List.of("张伟", "网格员", "13900001234", "", "620422100001", "620422100001"));

	private final String path;

	private final String label;

	private final List<String> columns;

	private final List<String> required;

	private final List<String> example;

	ImportKind(String path, String label, List<String> columns, List<String> required, List<String> example) {
		this.path = path;
		this.label = label;
		this.columns = columns;
		this.required = required;
		this.example = example;
	}

	/** The URL segment: {@code region}, {@code grid} or {@code person}. */
	@Override
	public String path() {
		return this.path;
	}

	/** 区划, 网格 or 人员. */
	@Override
	public String label() {
		return this.label;
	}

	/** The template's header row, in template order. */
	@Override
	public List<String> columns() {
		return this.columns;
	}

	@Override
	public List<String> required() {
		return this.required;
	}

	/** One row from the demo county 会宁县, shown under the template's header. */
	@Override
	public List<String> example() {
		return this.example;
	}

	static Optional<ImportKind> ofPath(String path) {
		return Arrays.stream(values()).filter(k -> k.path.equals(path) || k.name().equals(path)).findFirst();
	}

	/** Header names exactly as they appear in the templates. */
	static final class Columns {

		static final String REGION_CODE = "区划代码";

		static final String NAME = "名称";

		static final String PARENT_REGION_CODE = "上级区划代码";

		static final String GRID_CODE = "网格编码";

		static final String GRID_NAME = "网格名称";

		static final String GRID_LEVEL = "层级";

		static final String GRID_REGION_CODE = "所属区划代码";

		static final String PARENT_GRID_CODE = "上级网格编码";

		static final String PERSON_NAME = "姓名";

		static final String ROLE = "人员类别";

		static final String PHONE = "手机号";

		static final String ID_NUMBER = "身份证号";

		static final String PERSON_REGION_CODE = "所属区划代码";

		static final String PERSON_GRID_CODE = "所属网格编码";

		private Columns() {
		}

	}

}
