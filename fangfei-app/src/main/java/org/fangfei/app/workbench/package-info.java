/**
 * The workbench (工作台): the home page that shows each person what needs them now, asking
 * every module through the extension point
 * {@link org.fangfei.app.workbench.WorkbenchSection}; and the page frame all signed-in
 * pages share — the grouped menu driven by permissions
 * ({@link org.fangfei.app.workbench.Menu}) and the breadcrumbs derived from it.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package org.fangfei.app.workbench;

import org.springframework.modulith.ApplicationModule;
