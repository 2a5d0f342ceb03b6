package org.fangfei.app.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 资金监测 upload page: upload a bank export, map its columns when the header is new, and
 * watch the background task (the progress fragment is polled by htmx every second until
 * the batch is finished).
 */
@Controller
@PreAuthorize("hasAuthority('monitoring:alert:view')")
class MonitoringPages {

	private final MonitoringBatches batches;

	private final BatchRunner runner;

	MonitoringPages(MonitoringBatches batches, BatchRunner runner) {
		this.batches = batches;
		this.runner = runner;
	}

	@GetMapping("/monitoring")
	String page(DataScope scope, Model model) {
		model.addAttribute("batches", this.batches.recent(scope, 20));
		model.addAttribute("pending", this.batches.pending(scope));
		model.addAttribute("fields", TransferField.values());
		return "monitoring/upload";
	}

	@PostMapping("/monitoring/uploads")
	@PreAuthorize("hasAuthority('monitoring:batch:upload')")
	String upload(@RequestParam(required = false) MultipartFile file, Actor actor, Model model) {
		Batch batch;
		try {
			if (file == null || file.isEmpty()) {
				throw new Rejected("请选择要上传的银行流水文件(.csv 或 .xlsx)");
			}
			batch = this.batches.upload(file.getOriginalFilename(), bytes(file), actor);
		}
		catch (Rejected ex) {
			model.addAttribute("error", ex.getMessage());
			return page(actor.scope(), model);
		}
		if (batch.status() == BatchStatus.MAPPING) {
			return "redirect:/monitoring/batches/" + batch.id() + "/mapping";
		}
		this.runner.start(batch.id());
		return "redirect:/monitoring/batches/" + batch.id();
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/monitoring/batches/{id}")
	String batch(@PathVariable long id, DataScope scope, Model model) {
		Batch batch = this.batches.get(id, scope);
		if (batch.status() == BatchStatus.MAPPING) {
			return "redirect:/monitoring/batches/" + id + "/mapping";
		}
		model.addAttribute("batch", batch);
		return "monitoring/batch";
	}

	/** Deletes an upload still waiting for its column mapping. */
	@PostMapping("/monitoring/batches/{id}/delete")
	@PreAuthorize("hasAuthority('monitoring:batch:upload')")
	String deletePending(@PathVariable long id, Actor actor, Model model) {
		try {
			this.batches.deletePending(id, actor);
		}
		catch (Rejected ex) {
			model.addAttribute("error", ex.getMessage());
			return page(actor.scope(), model);
		}
		return "redirect:/monitoring";
	}

	@GetMapping("/monitoring/batches/{id}/progress")
	String progress(@PathVariable long id, DataScope scope, Model model) {
		model.addAttribute("batch", this.batches.get(id, scope));
		return "monitoring/batch :: progress";
	}

	@GetMapping("/monitoring/batches/{id}/mapping")
	@PreAuthorize("hasAuthority('monitoring:batch:upload')")
	String mapping(@PathVariable long id, DataScope scope, Model model) {
		Batch batch = this.batches.get(id, scope);
		if (batch.status() != BatchStatus.MAPPING) {
			return "redirect:/monitoring/batches/" + id;
		}
		MonitoringBatches.MappingView view = this.batches.mappingView(id, scope);
		model.addAttribute("view", view);
		model.addAttribute("fields", TransferField.values());
		if (!model.containsAttribute("chosen")) {
			model.addAttribute("chosen", byName(view.suggested().columns()));
		}
		return "monitoring/mapping";
	}

	/** The form's selects look columns up by field name. */
	private static Map<String, Integer> byName(Map<TransferField, Integer> columns) {
		Map<String, Integer> out = new java.util.HashMap<>();
		columns.forEach((field, column) -> out.put(field.name(), column));
		return out;
	}

	@PostMapping("/monitoring/batches/{id}/mapping")
	@PreAuthorize("hasAuthority('monitoring:batch:upload')")
	String map(@PathVariable long id, @RequestParam Map<String, String> params, Actor actor, Model model) {
		Map<TransferField, Integer> chosen = new EnumMap<>(TransferField.class);
		for (TransferField field : TransferField.values()) {
			String value = params.get(field.name());
			if (value != null && value.matches("[0-9]{1,3}")) {
				chosen.put(field, Integer.valueOf(value));
			}
		}
		try {
			this.batches.map(id, chosen, actor);
		}
		catch (Rejected ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("fieldErrors", ex.fieldErrors());
			model.addAttribute("chosen", byName(chosen));
			return mapping(id, actor.scope(), model);
		}
		this.runner.start(id);
		return "redirect:/monitoring/batches/" + id;
	}

}
