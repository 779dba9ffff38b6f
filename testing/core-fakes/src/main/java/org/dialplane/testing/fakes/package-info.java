/**
 * Hand-written fakes of core's services for the unit tests of resource bundles.
 */
package org.dialplane.testing.fakes;
