package org.fangfei.app.warning;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Rejected;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The leaders' cockpit (领导驾驶舱) and the township map import. The page carries every figure
 * as a link and table (it prints, and reads without script); the charts are drawn by
 * {@code /js/cockpit.js} from the same figures, carried in the page (also served at
 * {@code /cockpit/data}). Other modules add their panels (awareness, evaluation) through
 * {@link CockpitFigure}.
 */
@Controller
class CockpitPages {

	private final Cockpit cockpit;

	private final TownshipMap map;

	private final List<CockpitFigure> others;

	private final JsonMapper json;

	CockpitPages(Cockpit cockpit, TownshipMap map, List<CockpitFigure> others, JsonMapper json) {
		this.cockpit = cockpit;
		this.map = map;
		this.others = others;
		this.json = json;
	}

	@GetMapping("/cockpit")
	@PreAuthorize("hasAuthority('warning:cockpit:view')")
	String page(Actor actor, Model model) {
		Cockpit.Figures f = this.cockpit.figures(actor.scope());
		model.addAttribute("f", f);
		// the charts' data goes with the page, so the figures are computed once per load
		model.addAttribute("data", this.json.writeValueAsString(data(f)));
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("panels",
				this.others.stream()
					.flatMap(o -> o.panels(actor).stream())
					.sorted(Comparator.comparingInt(CockpitPanel::order))
					.toList());
		return "warning/cockpit";
	}

	@GetMapping(path = "/cockpit/data", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('warning:cockpit:view')")
	@ResponseBody
	Map<String, Object> data(Actor actor) {
		return data(this.cockpit.figures(actor.scope()));
	}

	private static Map<String, Object> data(Cockpit.Figures f) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("columns", Cockpit.COLUMNS);
		out.put("customMap", f.customMap());
		out.put("tiers",
				List.of(Tier.values())
					.stream()
					.map(t -> Map.of("tier", t.name(), "label", t.label(), "colour", t.colour(), "count",
							f.tiers().get(t), "link", "/warnings?tier=" + t.name()))
					.toList());
		out.put("townships", f.townships().stream().map(t -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("code", t.code());
			m.put("name", t.name());
			m.put("col", t.col());
			m.put("row", t.row());
			m.put("worst", t.worst().name());
			m.put("colour", t.worst().colour());
			m.put("share", t.riskShare());
			m.put("total", t.total());
			m.put("red", t.counts().get(Tier.RED));
			m.put("orange", t.counts().get(Tier.ORANGE));
			m.put("link", t.link());
			return m;
		}).toList());
		out.put("months",
				f.months()
					.stream()
					.map(m -> Map.of("month", m.month(), "registered", m.registered(), "closed", m.closed()))
					.toList());
		return out;
	}

	@GetMapping(path = "/cockpit/map.geojson", produces = "application/geo+json")
	@PreAuthorize("hasAuthority('warning:cockpit:view') or hasAuthority('warning:map:import')")
	ResponseEntity<String> geojson() {
		return this.map.geojson()
			.map(g -> ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(g))
			.orElse(ResponseEntity.notFound().build());
	}

	@GetMapping("/cockpit/map")
	@PreAuthorize("hasAuthority('warning:map:import')")
	String mapPage(Model model) {
		model.addAttribute("imported", this.map.geojson().isPresent());
		return "warning/map";
	}

	@PostMapping("/cockpit/map")
	@PreAuthorize("hasAuthority('warning:map:import')")
	String importMap(@RequestParam(required = false) MultipartFile file, Actor actor, Model model,
			RedirectAttributes redirect) throws IOException {
		try {
			Set<String> names = this.cockpit.figures(DataScope.all())
				.townships()
				.stream()
				.map(Cockpit.Township::name)
				.collect(Collectors.toSet());
			List<String> matched = this.map.importMap(file == null ? null : file.getBytes(), names, actor.username());
			redirect.addFlashAttribute("done", "已导入，匹配 " + matched.size() + " 个乡镇");
			return "redirect:/cockpit/map";
		}
		catch (Rejected ex) {
			model.addAttribute("error", ex.getMessage());
			return mapPage(model);
		}
	}

	@PostMapping("/cockpit/map/reset")
	@PreAuthorize("hasAuthority('warning:map:import')")
	String reset(Actor actor, RedirectAttributes redirect) {
		this.map.reset(actor.username());
		redirect.addFlashAttribute("done", "已恢复乡镇示意图");
		return "redirect:/cockpit/map";
	}

}
