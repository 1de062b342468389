package org.envelopereview.pack;

import java.awt.Color;
import java.awt.Paint;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

/**
 * Makes the pack's charts read as counts: whole-number ticks on the value axis, flat
 * bars, and severity bars in the pack's severity colours. Named by the chart templates,
 * so it must stay public with a no-argument constructor.
 */
public class CountAxisChartCustomizer implements JRChartCustomizer {

	@Override
	public void customize(JFreeChart chart, JRChart jasperChart) {
		if (!(chart.getPlot() instanceof CategoryPlot plot)) {
			return;
		}
		if (plot.getRangeAxis() instanceof NumberAxis axis) {
			axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		}
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xC8CED6));
		if (plot.getRenderer() instanceof BarRenderer bars) {
			bars.setBarPainter(new StandardBarPainter());
			bars.setShadowVisible(false);
			bars.setMaximumBarWidth(0.12);
			plot.setRenderer(new SeverityBarRenderer(bars));
		}
	}

	/**
	 * Colours a bar by its severity when the category is one; otherwise keeps the series
	 * colour.
	 */
	private static final class SeverityBarRenderer extends BarRenderer {

		SeverityBarRenderer(BarRenderer original) {
			setBarPainter(new StandardBarPainter());
			setShadowVisible(false);
			setMaximumBarWidth(original.getMaximumBarWidth());
			setSeriesPaint(0, original.getSeriesPaint(0));
			setDefaultItemLabelGenerator(original.getDefaultItemLabelGenerator());
			setDefaultItemLabelsVisible(original.getDefaultItemLabelsVisible());
			setDefaultItemLabelFont(original.getDefaultItemLabelFont());
			setDefaultItemLabelPaint(original.getDefaultItemLabelPaint());
		}

		@Override
		public Paint getItemPaint(int row, int column) {
			// the plot, not a field: filled pages (charts included) are serialized by the
			// virtualizer
			Comparable<?> category = getPlot().getDataset().getColumnKey(column);
			for (org.envelopereview.finding.Severity severity : org.envelopereview.finding.Severity.values()) {
				if (severity.label().equals(category)) {
					return Color.decode(FindingPresentation.color(severity));
				}
			}
			return super.getItemPaint(row, column);
		}

	}

}
