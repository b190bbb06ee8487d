/** Plotly figures (via Tablesaw) of IMU recordings, for notebooks and reports. */
package formlab.imu.plot;
