/**
 * Statistical forms (统计报表): named measures that the modules holding the facts answer for
 * a period and a jurisdiction ({@link org.fangfei.app.report.MeasureSource}), form
 * definitions kept as data and edited on a page, forms generated for any period and
 * jurisdiction with every number drilling down to its records, and their .xlsx export.
 */
@ApplicationModule(allowedDependencies = { "audit", "shared" })
package org.fangfei.app.report;

import org.springframework.modulith.ApplicationModule;
