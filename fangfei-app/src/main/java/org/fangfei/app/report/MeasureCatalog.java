package org.fangfei.app.report;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Every measure the modules offer, by code; two modules offering the same code stop the
 * application at start, because a form's cell must name exactly one figure.
 */
@Component
public class MeasureCatalog {

	private final Map<String, Measure> byCode = new LinkedHashMap<>();

	MeasureCatalog(List<MeasureSource> sources) {
		sources.stream()
			.flatMap(source -> source.measures().stream())
			.sorted(java.util.Comparator.comparing(Measure::code))
			.forEach(m -> {
				if (this.byCode.put(m.code(), m) != null) {
					throw new IllegalStateException("Two modules offer the measure " + m.code());
				}
			});
	}

	public Optional<Measure> find(String code) {
		return Optional.ofNullable(code == null ? null : this.byCode.get(code));
	}

	public Collection<Measure> all() {
		return this.byCode.values();
	}

}
