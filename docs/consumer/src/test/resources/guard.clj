(defsymphony "Guard" {:asset-class "EQUITIES" :rebalance-frequency :daily}
  (if (> (rsi "SPY" {:window 3}) 70)
    [(asset "TLT")]
    [(weight-equal [(asset "SPY") (asset "QQQ")])]))
