package org.fangfei.app.enquiry;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.shared.HeaderNames;
import org.fangfei.app.shared.Rejected;

/**
 * Which column of a statement holds which {@link StatementField} (0-based), guessed from
 * the header names ({@link HeaderNames}, as monitoring's bank exports are) and remembered
 * per bank by the header's signature.
 */
record StatementMapping(Map<StatementField, Integer> columns) {

	StatementMapping {
		columns = columns.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(columns));
	}

	/** How the amount's direction is read. */
	enum Convention {

		/** 借/贷, 收/付, 进/出 beside an unsigned amount. */
		FLAG,
		/** 借方发生额 and 贷方发生额 in two columns. */
		COLUMNS,
		/** One amount, negative when money went out. */
		SIGNED

	}

	static StatementMapping guess(List<String> header) {
		Map<StatementField, Integer> found = new EnumMap<>(StatementField.class);
		found.putAll(HeaderNames.guess(header, List.of(StatementField.values()), StatementField::names));
		if (!found.containsKey(StatementField.TIME) && found.containsKey(StatementField.DATE)) {
			found.put(StatementField.TIME, found.remove(StatementField.DATE));
		}
		return new StatementMapping(found);
	}

	/** What is still needed before rows can be read, in Chinese; empty when nothing. */
	List<String> missing() {
		List<String> missing = new java.util.ArrayList<>();
		if (!has(StatementField.TIME)) {
			missing.add("请为“" + StatementField.TIME.label() + "”选择一列");
		}
		if (!has(StatementField.COUNTER_ACCOUNT)) {
			missing.add("请为“" + StatementField.COUNTER_ACCOUNT.label() + "”选择一列");
		}
		boolean columns = has(StatementField.DEBIT) || has(StatementField.CREDIT);
		if (columns && !(has(StatementField.DEBIT) && has(StatementField.CREDIT))) {
			missing.add("借方发生额和贷方发生额须同时选择");
		}
		else if (!columns && !has(StatementField.AMOUNT)) {
			missing.add("请为“交易金额”选择一列，或同时选择借方和贷方发生额");
		}
		return missing;
	}

	Convention convention() {
		if (has(StatementField.DEBIT) && has(StatementField.CREDIT)) {
			return Convention.COLUMNS;
		}
		return has(StatementField.DIRECTION) ? Convention.FLAG : Convention.SIGNED;
	}

	boolean has(StatementField field) {
		return this.columns.containsKey(field);
	}

	Optional<Integer> column(StatementField field) {
		return Optional.ofNullable(this.columns.get(field));
	}

	/**
	 * The mapping a user chose; refused with a message per field when a column is out of
	 * range or used twice, or a needed field has none.
	 */
	static StatementMapping chosen(Map<StatementField, Integer> chosen, int width) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<Integer, StatementField> used = new LinkedHashMap<>();
		Map<StatementField, Integer> kept = new EnumMap<>(StatementField.class);
		for (StatementField field : StatementField.values()) {
			Integer column = chosen.get(field);
			if (column == null || column < 0) {
				continue;
			}
			if (column >= width) {
				errors.put(field.name(), "“" + field.label() + "”选择的列不存在");
			}
			else if (used.containsKey(column)) {
				errors.put(field.name(), "“" + field.label() + "”与“" + used.get(column).label() + "”选了同一列");
			}
			used.put(column, field);
			kept.put(field, column);
		}
		StatementMapping mapping = new StatementMapping(kept);
		for (String m : mapping.missing()) {
			errors.put("mapping" + errors.size(), m);
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		return mapping;
	}

	/** As stored: {@code TIME=1,AMOUNT=2,…}. */
	String encode() {
		StringBuilder out = new StringBuilder();
		for (StatementField field : StatementField.values()) {
			Integer column = this.columns.get(field);
			if (column != null) {
				out.append(out.isEmpty() ? "" : ",").append(field.name()).append('=').append(column);
			}
		}
		return out.toString();
	}

	static StatementMapping decode(String stored) {
		Map<StatementField, Integer> columns = new EnumMap<>(StatementField.class);
		for (String pair : stored.split(",")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				columns.put(StatementField.valueOf(pair.substring(0, eq)), Integer.valueOf(pair.substring(eq + 1)));
			}
		}
		return new StatementMapping(columns);
	}

}
