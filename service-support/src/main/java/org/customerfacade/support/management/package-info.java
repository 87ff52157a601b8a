/**
 * Security of the management port: the operators' bearer token that every actuator endpoint except
 * health requires.
 */
@NullMarked
package org.customerfacade.support.management;

import org.jspecify.annotations.NullMarked;
