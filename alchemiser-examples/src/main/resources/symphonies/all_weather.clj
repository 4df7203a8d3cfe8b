(defsymphony
 "Inverse-volatility all weather"
 {:asset-class "EQUITIES", :rebalance-frequency :weekly}
 (weight-inverse-volatility
  20
  [(asset "SPY" "SPDR S&P 500 ETF Trust")
   (asset "TLT" "iShares 20+ Year Treasury Bond ETF")
   (asset "GLD" "SPDR Gold Shares")]))
