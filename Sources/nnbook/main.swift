print("nnbook")
