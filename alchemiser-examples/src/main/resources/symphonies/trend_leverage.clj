(defsymphony
 "Trend-following leverage"
 {:asset-class "EQUITIES", :rebalance-threshold 0.05}
 (weight-equal
  [(group
    "Trend"
    [(if
      (> (current-price "SPY") (moving-average-price "SPY" {:window 200}))
      [(weight-specified
        0.6
        (asset "TQQQ" "ProShares UltraPro QQQ")
        0.4
        (asset "QQQ" "Invesco QQQ Trust"))]
      [(if
        (< (stdev-return "SPY" {:window 21}) 1.5)
        [(asset "SPY" "SPDR S&P 500 ETF Trust")]
        [(asset "BIL" "SPDR Bloomberg 1-3 Month T-Bill ETF")])])])]))
