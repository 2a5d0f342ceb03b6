package org.fangfei.app.monitoring;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.shared.HeaderNames;
import org.fangfei.app.shared.Rejected;

/**
 * Which column of a bank export holds which {@link TransferField} (0-based). Remembered
 * by the {@link #signature} of the header row, so the next export with the same header
 * maps by itself.
 */
record ColumnMapping(Map<TransferField, Integer> columns) {

	/** The header of the detector's transfers CSV, which needs no mapping. */
	static final List<String> STANDARD = List.of("tx_id", "time", "payer_account", "payer_name", "payee_account",
			"payee_name", "amount", "channel", "memo");

	ColumnMapping {
		columns = columns.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(columns));
	}

	static boolean isStandard(List<String> header) {
		return header.size() >= STANDARD.size() && header.subList(0, STANDARD.size()).equals(STANDARD)
				&& header.subList(STANDARD.size(), header.size()).stream().allMatch(String::isEmpty);
	}

	static ColumnMapping standard() {
		return guess(STANDARD);
	}

	/** A first guess from the header names ({@link TransferField#names()}). */
	static ColumnMapping guess(List<String> header) {
		Map<TransferField, Integer> found = new EnumMap<>(TransferField.class);
		found.putAll(HeaderNames.guess(header, List.of(TransferField.values()), TransferField::names));
		if (!found.containsKey(TransferField.TIME) && found.containsKey(TransferField.DATE)) {
			// one date column that holds the date and the time
			found.put(TransferField.TIME, found.remove(TransferField.DATE));
		}
		return new ColumnMapping(found);
	}

	/**
	 * The mapping a user chose; refused with a message per field when a required field
	 * has no column, a column is out of range or a column is used twice.
	 */
	static ColumnMapping chosen(Map<TransferField, Integer> chosen, int width) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<Integer, TransferField> used = new LinkedHashMap<>();
		for (TransferField field : TransferField.values()) {
			Integer column = chosen.get(field);
			if (column == null || column < 0) {
				if (field.required()) {
					errors.put(field.name(), "请为“" + field.label() + "”选择一列");
				}
				continue;
			}
			if (column >= width) {
				errors.put(field.name(), "“" + field.label() + "”选择的列不存在");
			}
			else if (used.containsKey(column)) {
				errors.put(field.name(), "“" + field.label() + "”与“" + used.get(column).label() + "”选了同一列");
			}
			used.put(column, field);
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		return new ColumnMapping(chosen);
	}

	Optional<Integer> column(TransferField field) {
		return Optional.ofNullable(this.columns.get(field));
	}

	/** Required fields without a column. */
	List<TransferField> missing() {
		return List.of(TransferField.values())
			.stream()
			.filter((f) -> f.required() && !this.columns.containsKey(f))
			.toList();
	}

	/** As stored: {@code TIME=1,PAYER_ACCOUNT=2,…}. */
	String encode() {
		StringBuilder out = new StringBuilder();
		for (TransferField field : TransferField.values()) {
			Integer column = this.columns.get(field);
			if (column != null) {
				out.append(out.isEmpty() ? "" : ",").append(field.name()).append('=').append(column);
			}
		}
		return out.toString();
	}

	static ColumnMapping decode(String stored) {
		Map<TransferField, Integer> columns = new EnumMap<>(TransferField.class);
		for (String pair : stored.split(",")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				columns.put(TransferField.valueOf(pair.substring(0, eq)), Integer.valueOf(pair.substring(eq + 1)));
			}
		}
		return new ColumnMapping(columns);
	}

	/** SHA-256 of the normalised header cells: the same bank export has the same one. */
	static String signature(List<String> header) {
		return HeaderNames.signature(header);
	}

}
