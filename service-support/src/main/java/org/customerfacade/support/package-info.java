/**
 * Code shared by the stand-in, the facade and the gateway, so a rule that every service must keep
 * (what a log may contain, who may reach a management port) is written once.
 */
@NullMarked
package org.customerfacade.support;

import org.jspecify.annotations.NullMarked;
